package dev.flowlab.controller.api;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.protocol.OFVersion;

/**
 * Registers one app under an id. Subclasses are listed in
 * {@code META-INF/services/dev.flowlab.controller.api.AppModule} and found with {@link java.util.ServiceLoader}
 * (so they need a public no-argument constructor); {@code --apps id,...} picks which ones run.
 *
 * <pre>{@code
 * public final class HubModule extends AppModule {
 *     public HubModule() { super("hub", Hub.class); }
 * }
 * }</pre>
 *
 * The app class is built by Guice as a singleton, so its constructor may {@code @Inject} what it needs. Override
 * {@link #configureApp()} to bind the app's own collaborators (its config record, for example).
 */
public abstract class AppModule extends AbstractModule {
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String id;
    private final Class<? extends App> appClass;

    /**
     * @param id       kebab-case app id, for example {@code learning-switch}
     * @param appClass the app Guice builds
     */
    protected AppModule(String id, Class<? extends App> appClass) {
        if (!KEBAB_CASE.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("app id '" + id + "' is not kebab-case (like learning-switch)");
        }
        this.id = id;
        this.appClass = Objects.requireNonNull(appClass, "appClass");
    }

    /** The id users name in {@code --apps}. */
    public final String id() {
        return id;
    }

    /**
     * The oldest OpenFlow version the app works on: with switches that speak an older one the controller
     * refuses to start, naming the app. OpenFlow 1.3 unless the app says otherwise: an app written with
     * instructions, several tables, set-field actions or cookie masks needs it. An app that builds only
     * what OpenFlow 1.0 has ({@code setActions}, {@link Flows#match}, {@link Flows#oxms}) overrides this.
     */
    public OFVersion minimumVersion() {
        return OFVersion.OF_13;
    }

    /** The class of the app this module registers. */
    public final Class<? extends App> appClass() {
        return appClass;
    }

    @Override
    protected final void configure() {
        // One instance per run, so other apps and core services that inject it share it.
        bind(appClass).in(Singleton.class);
        configureApp();
    }

    /** Extra bindings the app needs; none by default. */
    protected void configureApp() {
    }
}
