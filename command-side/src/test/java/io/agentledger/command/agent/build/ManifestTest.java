package io.agentledger.command.agent.build;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {

    @Test
    void aValidManifestNamesItsModuleFiles() throws Exception {
        Manifest manifest = Manifest.parse("name: echo\nversion: 1.0.0\nruntime: python\nentrypoint: agent.main:handle\n");
        assertThat(manifest.entrypoint()).isEqualTo("agent.main:handle");
        assertThat(manifest.moduleFiles()).containsExactly("agent/main.py", "agent/main/__init__.py");
    }

    @Test
    void malformedManifestsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Manifest.parse("name: x\nversion: 1\nruntime: python\nentrypoint: main\n"))
                .isInstanceOf(PackageRejected.class).hasMessageContaining("module.path:function");
        assertThatThrownBy(() -> Manifest.parse("name: x\nversion: 1\nruntime: python\nentrypoint: os;rm:x\n"))
                .isInstanceOf(PackageRejected.class).hasMessageContaining("module.path:function");
        assertThatThrownBy(() -> Manifest.parse("- a\n- b\n")).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> Manifest.parse("name: [unclosed\n")).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Manifest.parse("name: !!javax.script.ScriptEngineManager [x]\nversion: 1\n"))
                .isInstanceOf(PackageRejected.class);
        assertThatThrownBy(() -> Manifest.parse("name: x\nname: y\nversion: 1\nruntime: python\n"
                + "entrypoint: a:b\n")).isInstanceOf(PackageRejected.class);
    }
}
