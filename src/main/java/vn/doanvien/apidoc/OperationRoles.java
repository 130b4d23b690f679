package vn.doanvien.apidoc;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Who may call each operation, from the resources' security annotations (operation ids are the Java method
 * names), said in the operation's description and as {@code x-roles}.
 */
final class OperationRoles {

    private static final String PACKAGE = "vn/doanvien";

    private OperationRoles() {
    }

    /** Operation id to the roles that may call it: a list of role names, ["anyone"] or ["any signed-in caller"]. */
    static Map<String, List<String>> scan() {
        Map<String, List<String>> roles = new HashMap<>();
        for (Class<?> c : resourceClasses()) {
            if (!c.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!(m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(PATCH.class)
                        || m.isAnnotationPresent(DELETE.class))) {
                    continue;
                }
                List<String> who = rolesOf(m.getAnnotation(RolesAllowed.class), m.isAnnotationPresent(PermitAll.class),
                        m.isAnnotationPresent(Authenticated.class));
                if (who == null) {
                    who = rolesOf(c.getAnnotation(RolesAllowed.class), c.isAnnotationPresent(PermitAll.class),
                            c.isAnnotationPresent(Authenticated.class));
                }
                if (who != null) {
                    roles.put(m.getName(), who);
                }
            }
        }
        return roles;
    }

    private static List<String> rolesOf(RolesAllowed allowed, boolean permitAll, boolean authenticated) {
        if (allowed != null) {
            return List.of(allowed.value());
        }
        if (permitAll) {
            return List.of("anyone");
        }
        return authenticated ? List.of("any signed-in caller") : null;
    }

    static void describe(Operation operation, List<String> roles) {
        if (roles == null) {
            return;
        }
        operation.addExtension("x-roles", roles);
        String text = "**Who may call:** " + String.join(", ", roles) + (roles.contains("OFFICER")
                ? " (an officer within their unit's subtree)" : "") + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? text : description.trim() + "\n\n"
                + text);
    }

    /** The classes named *Resource under vn.doanvien, from the class path (directories or jars). */
    private static List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = OperationRoles.class.getClassLoader();
        }
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(PACKAGE);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    walk(new File(url.toURI()), PACKAGE, names);
                } else if (url.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(PACKAGE + "/") && n.endsWith("Resource.class")) {
                                names.add(n);
                            }
                        }
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the resources", e);
        }
        for (String n : names) {
            try {
                classes.add(Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false,
                        loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: its operations keep their description
            }
        }
        return classes;
    }

    private static void walk(File dir, String prefix, List<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                walk(f, prefix + "/" + f.getName(), names);
            } else if (f.getName().endsWith("Resource.class")) {
                names.add(prefix + "/" + f.getName());
            }
        }
    }
}
