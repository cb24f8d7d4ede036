package dev.flowlab.controller.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppModule;
import dev.flowlab.controller.api.OpenFlowVersions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds app modules with {@link ServiceLoader}, checks the ids a user asked for, and builds the
 * chosen apps with one Guice injector. Startup errors fail fast with one line naming the fix.
 */
public final class AppLoader {
    private static final Logger LOG = LoggerFactory.getLogger(AppLoader.class);

    private AppLoader() {
    }

    /** Every app module on the class path, by id. */
    public static Map<String, AppModule> available() {
        Map<String, AppModule> byId = new TreeMap<>();
        for (AppModule module : ServiceLoader.load(AppModule.class)) {
            AppModule clash = byId.putIfAbsent(module.id(), module);
            if (clash != null) {
                throw new IllegalStateException("two app modules claim the id '" + module.id() + "': "
                        + clash.getClass().getName() + " and " + module.getClass().getName());
            }
        }
        return byId;
    }

    /**
     * Builds the apps named by {@code ids} (in that order) plus {@code extra} apps given as objects.
     *
     * @throws IllegalArgumentException for an unknown or repeated id, naming the known ones
     */
    public static List<LoadedApp> load(List<String> ids, List<App> extra) {
        return load(ids, extra, binder -> { });
    }

    /**
     * Like {@link #load(List, List)}, with {@code services} (the core services' bindings) in the
     * injector, so apps can {@code @Inject} them.
     */
    public static List<LoadedApp> load(List<String> ids, List<App> extra, Module services) {
        List<LoadedApp> apps = instances(ids, extra, services);
        apps.forEach(a -> LOG.info("app {} order={} handles {}", a.id(), a.app().order(), overriddenCallbacks(a.app())));
        return apps;
    }

    /** Like {@link #load(List, List, Module)}, saying nothing: for throwaway instances (the packet-in warm-up's). */
    public static List<LoadedApp> instances(List<String> ids, List<App> extra, Module services) {
        Map<String, AppModule> available = available();
        List<AppModule> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            AppModule module = available.get(id);
            if (module == null) {
                throw new IllegalArgumentException("unknown app '" + id + "'; known apps: "
                        + (available.isEmpty() ? "(none on the class path)" : String.join(", ", available.keySet())));
            }
            chosen.add(module);
        }
        if (chosen.size() != ids.size()) {
            throw new IllegalArgumentException("an app is named twice in " + ids + "; name each app once");
        }
        List<Module> modules = new ArrayList<>(chosen);
        modules.add(services);
        Injector injector = createInjector(modules);
        List<LoadedApp> apps = new ArrayList<>();
        for (AppModule module : chosen) {
            apps.add(new LoadedApp(module.id(), instance(injector, module)));
        }
        for (App app : extra) {
            apps.add(new LoadedApp(app.getClass().getName(), app));
        }
        return apps;
    }

    /**
     * Refuses, before anything starts, apps that need a newer OpenFlow version than {@code version}, the one the
     * switches will speak: one line naming the app that needs the newest, what it needs, and the apps that run there.
     */
    public static void refuseOlderSwitches(List<String> ids, OFVersion version) {
        Optional<Map.Entry<OFVersion, String>> need = newestMinimum(ids);
        if (need.isPresent() && need.get().getKey().compareTo(version) > 0) {
            List<String> fitting = available().values().stream().filter(m -> m.minimumVersion().compareTo(version) <= 0)
                    .map(AppModule::id).sorted().toList();
            throw new IllegalArgumentException(need.get().getValue() + ", and the switches will speak "
                    + OpenFlowVersions.name(version) + "; apps that run on " + OpenFlowVersions.name(version) + ": "
                    + (fitting.isEmpty() ? "none" : String.join(", ", fitting)));
        }
    }

    /**
     * The newest of the apps' oldest versions, and why ("app routing needs OpenFlow 1.3 or later"): switches
     * older than it cannot run every app. Empty when every app runs on every version.
     */
    public static Optional<Map.Entry<OFVersion, String>> newestMinimum(List<String> ids) {
        Map<String, AppModule> available = available();
        return ids.stream().map(available::get).filter(m -> m != null && m.minimumVersion() != OFVersion.OF_10)
                .max(Comparator.comparing(AppModule::minimumVersion))
                .map(m -> Map.entry(m.minimumVersion(),
                        "app " + m.id() + " needs " + OpenFlowVersions.name(m.minimumVersion()) + " or later"));
    }

    private static Injector createInjector(List<? extends Module> modules) {
        try {
            return Guice.createInjector(modules);
        } catch (CreationException e) {
            throw new IllegalStateException("cannot wire apps: " + e.getErrorMessages().iterator().next().getMessage(), e);
        }
    }

    private static App instance(Injector injector, AppModule module) {
        try {
            return injector.getInstance(module.appClass());
        } catch (ProvisionException | CreationException e) {
            throw new IllegalStateException("cannot create app '" + module.id() + "': " + e.getMessage(), e);
        }
    }

    /** The {@code on*} callbacks an app overrides, for the startup log (as visible as Ryu's decorators). */
    static String overriddenCallbacks(App app) {
        return Arrays.stream(App.class.getMethods())
                .filter(m -> m.getName().startsWith("on") && isOverridden(app, m))
                .map(Method::getName)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static boolean isOverridden(App app, Method method) {
        try {
            return app.getClass().getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass() != App.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
