package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The switchboard-bom has no parent (so that importing it brings no build-only versions along),
 * which means nothing in Maven keeps its version in step with the reactor's: this test does, and
 * checks that it manages exactly the product artifacts at that version, the test kit in test scope.
 */
class BomTest {

    @Test
    void bomHasTheReactorVersionAndManagesExactlyTheProductArtifacts() throws Exception {
        String built = System.getProperty("switchboard.project.version");
        String path = System.getProperty("switchboard.bom");
        assertThat(path).as("system property switchboard.bom (set by the rar module's surefire configuration)")
                .isNotBlank();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(new File(path));
        Element project = pom.getDocumentElement();

        assertThat(child(project, "version")).as("the BOM's version, in " + path).isEqualTo(built);
        assertThat(child(project, "packaging")).isEqualTo("pom");

        Element managed = (Element) project.getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = managed.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("dev.switchboard");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            String type = child(dependency, "type");
            String scope = child(dependency, "scope");
            artifacts.add(child(dependency, "artifactId") + (type == null ? "" : ":" + type)
                    + (scope == null ? "" : " (" + scope + ")"));
        }
        assertThat(artifacts).containsExactly(
                "switchboard-api", "switchboard-core", "switchboard-sip", "switchboard-rar:rar",
                "switchboard-testkit (test)");
    }

    /** The text of {@code parent}'s direct child element {@code name}, or null when it has none. */
    private static String child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
