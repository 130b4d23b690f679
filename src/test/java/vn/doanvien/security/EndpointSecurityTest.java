package vn.doanvien.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS endpoint of the application carries an explicit security rule (on the method or its class), so a
 * new endpoint cannot be open by accident; and the open ones are exactly the intended ones.
 */
class EndpointSecurityTest {

    private static final List<Class<? extends Annotation>> HTTP = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);
    private static final List<Class<? extends Annotation>> RULES = List.of(RolesAllowed.class, PermitAll.class,
            DenyAll.class, Authenticated.class);
    private static final Set<String> OPEN = Set.of(
            "AuthResource.createToken", "AuthResource.refreshToken", "AuthResource.createOAuthToken",
            "JoinRequestResource.createJoinRequest", "JoinRequestResource.getJoinRequestStatus");

    @Test
    void everyResourceMethodHasASecurityRule() throws Exception {
        List<String> missing = new ArrayList<>();
        List<String> open = new ArrayList<>();
        int endpoints = 0;
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                if (HTTP.stream().noneMatch(m::isAnnotationPresent)) {
                    continue;
                }
                endpoints++;
                String name = type.getSimpleName() + "." + m.getName();
                if (!hasRule(m) && !hasRule(type)) {
                    missing.add(name);
                }
                if (m.isAnnotationPresent(PermitAll.class) || !hasRule(m) && type.isAnnotationPresent(PermitAll.class)) {
                    open.add(name);
                }
            }
        }
        assertTrue(endpoints > 60, "found only " + endpoints + " endpoints: is the class scan broken?");
        assertEquals(List.of(), missing, "endpoints without @RolesAllowed/@PermitAll/@Authenticated/@DenyAll");
        assertEquals(OPEN, Set.copyOf(open), "endpoints open to anyone");
    }

    private static boolean hasRule(AnnotatedElement e) {
        return RULES.stream().anyMatch(e::isAnnotationPresent);
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get("target", "classes");
        List<Class<?>> result = new ArrayList<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(root.resolve("vn"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : files) {
            String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.')
                    .replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, EndpointSecurityTest.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                result.add(type);
            }
        }
        return result;
    }
}
