package io.agentledger.kernel.system;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingDefaultsTest {

    @Test
    void configuredTextBecomesTypedValuesOverTheSchemasDefaults() {
        SettingDefaults defaults = SettingDefaults.configured(Map.of("rate_limits.read", "5000",
                "approvals.cost_threshold", "2.5", "features.connectors", "false",
                "approvals.deadline_default", "PT2H"));

        assertThat(defaults.get("rate_limits.read")).isEqualTo(5000L);
        assertThat(defaults.get("approvals.cost_threshold")).isEqualTo(new BigDecimal("2.5"));
        assertThat(defaults.get("features.connectors")).isEqualTo(false);
        assertThat(defaults.get("approvals.deadline_default")).isEqualTo("PT2H");
        assertThat(defaults.get("goals.default_autonomy_level")).isEqualTo("L2");
        assertThat(defaults.values().keySet()).containsExactlyElementsOf(SettingsSchema.defaults().keySet());
    }

    @Test
    void anUnknownKeyOrABadValueStopsTheStartNamingIt() {
        assertThatThrownBy(() -> SettingDefaults.configured(Map.of("rate_limits.reads", "5")))
                .hasMessage("agentledger.settings.defaults: rate_limits.reads: no such setting");
        assertThatThrownBy(() -> SettingDefaults.configured(Map.of("rate_limits.read", "lots")))
                .hasMessage("agentledger.settings.defaults: rate_limits.read: must be a number");
        assertThatThrownBy(() -> SettingDefaults.configured(Map.of("features.connectors", "yes")))
                .hasMessageContaining("must be true or false");
    }
}
