package io.agentledger.query.run;

import io.agentledger.kernel.run.RunQueries.AiSpendOn;
import io.agentledger.projection.spend.AiSpend;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

@Component
public class AiSpendQueryHandler {

    private final AiSpend spend;

    public AiSpendQueryHandler(AiSpend spend) {
        this.spend = spend;
    }

    @QueryHandler
    public BigDecimal handle(AiSpendOn query) {
        return spend.on(query.tenantId(), query.day());
    }
}
