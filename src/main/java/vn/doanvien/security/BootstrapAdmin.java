package vn.doanvien.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from {@code doanvien.security.bootstrap-admin.username/password} when no user exists,
 * and loads the keys at start (so a generated key pair is written before the first request).
 */
@ApplicationScoped
class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final Optional<String> username;
    private final Optional<String> password;

    BootstrapAdmin(AccountService accounts,
                   @ConfigProperty(name = "doanvien.security.bootstrap-admin.username") Optional<String> username,
                   @ConfigProperty(name = "doanvien.security.bootstrap-admin.password") Optional<String> password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        SecurityKeys.get();
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!accounts.hasUsers()) {
                accounts.createUser(username.get(), password.get(), Roles.ADMIN, null, null);
                LOG.infof("Created the bootstrap admin %s", username.get());
            }
        });
    }
}
