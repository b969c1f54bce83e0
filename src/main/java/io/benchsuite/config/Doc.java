package io.benchsuite.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One-line description of a setting. The CLI help, README table and {@code .env.example} are all derived
 * from it, so the documentation cannot drift from the code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Doc {
    String value();

    /**
     * Only the BENCH_ environment variable sets it, not the plain name. For settings the original tool did
     * not have and whose plain name is common enough to be set for another program (INSECURE, CA_CERT): a
     * stray variable must not switch certificate checks off or change what is trusted.
     */
    boolean prefixedOnly() default false;

    /**
     * The commands that use it declare its option themselves ({@code --quick} on the suite only), so it is
     * not added to every command; its environment variables and .env entries work like any other setting's.
     */
    boolean ownOption() default false;

    /**
     * A property of one invocation, not of what a run measures (the server's address, the key, where to
     * write): it may differ when a run is resumed, where every other setting must keep its stored value.
     */
    boolean perInvocation() default false;
}
