package dev.flowlab.controller.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The web view's one page: {@code index.html} with its style, its script and cytoscape.js (from the
 * WebJar on the class path) inlined, so the whole view is one static {@code GET /} that needs no
 * token, no second request and no network beyond the controller.
 */
public final class ViewPage {
    private static final String WEBJAR = "META-INF/resources/webjars/cytoscape/";

    private ViewPage() {
    }

    /** The page's HTML. */
    public static String html() {
        return resource("index.html")
                .replace("/*VIEW_CSS*/", resource("view.css"))
                .replace("/*CYTOSCAPE_JS*/", inScript(cytoscape()))
                .replace("/*VIEW_JS*/", inScript(resource("view.js")));
    }

    private static String cytoscape() {
        Properties pom = new Properties();
        try (InputStream in = ViewPage.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/cytoscape/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("cytoscape.js (org.webjars.npm:cytoscape) is missing from the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(ViewPage.class.getClassLoader(), WEBJAR + pom.getProperty("version") + "/dist/cytoscape.min.js");
    }

    /** Script text that cannot end the script element it is inlined in. */
    private static String inScript(String js) {
        return js.replace("</script", "<\\/script");
    }

    private static String resource(String name) {
        return read(ViewPage.class.getClassLoader(), "dev/flowlab/controller/view/" + name);
    }

    private static String read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the controller's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
