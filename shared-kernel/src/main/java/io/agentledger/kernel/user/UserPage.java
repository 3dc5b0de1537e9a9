package io.agentledger.kernel.user;

import java.util.List;

public record UserPage(List<UserView> items, long total, int page, int size, int pages) {
}
