package io.benchsuite.config;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The list of settings, read once from {@link BenchSettings} itself (method names, {@link WithDefault},
 * {@link Doc}). The CLI options, README table, .env.example and Kubernetes checks all come from here.
 */
public final class SettingsCatalog {

    private static final List<Setting> ALL = Arrays.stream(BenchSettings.class.getDeclaredMethods())
            .filter(m -> m.getParameterCount() == 0 && !m.isDefault() && !m.isSynthetic())
            .map(SettingsCatalog::describe)
            .sorted(Comparator.comparing(Setting::name))
            .toList();

    private static final Map<String, Setting> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::name, Function.identity()));

    private SettingsCatalog() {}

    /** Every setting, sorted by name. */
    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Setting get(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown setting " + name));
    }

    private static Setting describe(Method method) {
        Doc doc = method.getAnnotation(Doc.class);
        if (doc == null) {
            throw new IllegalStateException("setting " + method.getName() + " has no @Doc");
        }
        WithDefault def = method.getAnnotation(WithDefault.class);
        Class<?> type = method.getReturnType();
        boolean list = type == List.class;
        if (type == Optional.class || list) {
            type = (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        }
        return new Setting(
                kebab(method.getName()),
                type,
                list,
                Optional.ofNullable(def).map(WithDefault::value),
                doc.value(),
                doc.prefixedOnly(),
                doc.ownOption(),
                doc.perInvocation());
    }

    /** baseUrl -> base-url, the naming SmallRye Config applies to mapping methods. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
