package io.agentledger.app.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Duration;

/** The rate-limit buckets every node shares, in {@code rate_limit_bucket}; expired ones are swept each minute. */
@Configuration(proxyBeanMethods = false)
public class SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    @Bean
    public PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Bean
    public BucketSweeper bucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
        return new BucketSweeper(buckets);
    }

    public static final class BucketSweeper {
        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        BucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
        public void sweep() {
            try {
                int removed;
                do {
                    removed = buckets.removeExpired(1000);
                } while (removed == 1000);
            } catch (RuntimeException e) {
                log.debug("Sweeping expired rate-limit buckets failed: {}", e.getMessage());
            }
        }
    }
}
