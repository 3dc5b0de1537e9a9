package io.agentledger.command.system;

import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Platform admins are named by user id: e-mail text could be registered first by anyone. */
class PlatformAdminsTest {

    @Test
    void anEmailAddressInPlatformAdminsRefusesToStart() {
        assertThatThrownBy(() -> new PlatformAdmins("user_01,admin@example.com", null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("user ids");
    }

    @Test
    void onlyTheNamedUsersArePlatformAdminsWhateverTheirRoleInTheirTenant() {
        PlatformAdmins admins = new PlatformAdmins(" user_01 , user_02", null, null);
        assertThat(admins.isPlatformAdmin("user_01")).isTrue();
        assertThat(admins.isPlatformAdmin("user_02")).isTrue();
        assertThat(admins.isPlatformAdmin("user_03")).isFalse();
        assertThatThrownBy(() -> admins.require(new Caller("user_03", "tenant_1", Role.ADMIN, "sess_1", null)))
                .hasMessageContaining("platform admins");
    }
}
