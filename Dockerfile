# Builds the service from source; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 agentledger
USER agentledger
WORKDIR /app
COPY --from=build /src/app/target/agentledger.jar /app/agentledger.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8000 7000 7001
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/agentledger.jar"]
