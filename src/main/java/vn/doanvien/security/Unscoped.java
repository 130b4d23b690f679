package vn.doanvien.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link Scoped} repository that deliberately takes no {@link Reach}, with the reason: it serves a
 * rule that is national by nature (a code or a national ID is unique in the whole country), resolves names of
 * rows already read in reach, or is called by background work that holds no caller.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unscoped {
    /** Why this method needs no reach. */
    String value();
}
