# Builds the service from source; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 agentledger && mkdir /data && chown agentledger /data
USER agentledger
WORKDIR /app
COPY --from=build /src/app/target/agentledger.jar /app/agentledger.jar
# the keys the service makes for itself (master.key, checkpoint.key) and, without DATABASE_URL or
# ELASTICSEARCH_URL, the embedded stores live here: mount a volume so they outlive the container
ENV AGENTLEDGER_DATA_DIR=/data AXONIQ_UPDATE_CHECKER_DISABLED=true
VOLUME /data
EXPOSE 8000 7000 7001 7002
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/agentledger.jar"]
