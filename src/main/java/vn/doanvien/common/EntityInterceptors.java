package vn.doanvien.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.type.Type;

/**
 * The persistence unit's interceptor: hands every entity write and transaction end to the
 * {@link EntityWriteHook} interceptors, in a fixed order (by class name). {@code @Dependent}, so each session
 * gets its own instance and its own instances of the {@code @Dependent} hooks (the change feed keeps per-session
 * state); application-scoped hooks are shared.
 */
@Dependent
@PersistenceUnitExtension
public class EntityInterceptors implements Interceptor {

    private final List<Interceptor> hooks;

    EntityInterceptors(@EntityWriteHook Instance<Interceptor> hooks) {
        this.hooks = hooks.stream()
                .sorted((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()))
                .toList();
    }

    /** The hook of this type in this session, for code that adds to what a hook collects. */
    public <T extends Interceptor> T hook(Class<T> type) {
        for (Interceptor hook : hooks) {
            if (type.isInstance(hook)) {
                return type.cast(hook);
            }
        }
        throw new IllegalStateException("no entity write hook " + type.getName());
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        boolean modified = false;
        for (Interceptor hook : hooks) {
            modified |= hook.onPersist(entity, id, state, names, types);
        }
        return modified;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
                                Type[] types) {
        boolean modified = false;
        for (Interceptor hook : hooks) {
            modified |= hook.onFlushDirty(entity, id, current, previous, names, types);
        }
        return modified;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        for (Interceptor hook : hooks) {
            hook.onRemove(entity, id, state, names, types);
        }
    }

    @Override
    public void beforeTransactionCompletion(Transaction tx) {
        for (Interceptor hook : hooks) {
            hook.beforeTransactionCompletion(tx);
        }
    }

    @Override
    public void afterTransactionCompletion(Transaction tx) {
        for (Interceptor hook : hooks) {
            hook.afterTransactionCompletion(tx);
        }
    }
}
