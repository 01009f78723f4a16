# The operator image: the operator, the Pulumi CLI and the aws and random provider plugins at pinned versions,
# running as a non-root user on a read-only root filesystem.
#
# It cannot be built on the project's development machines (no Docker engine, and only the Debian, NuGet and npm
# registries are reachable). Build it in CI with network access: docker build -t ghcr.io/dataplatform-io/dataplatform-operator:0.1.0 .
# A test keeps the plugin versions here equal to the provider schema versions the stack program is checked against.

ARG DOTNET_VERSION=10.0
ARG PULUMI_VERSION=3.205.0
ARG PULUMI_AWS_VERSION=7.48.0
ARG PULUMI_RANDOM_VERSION=4.21.1

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Operator/Operator.csproj -c Release -o /out --nologo

FROM debian:bookworm-slim AS pulumi
ARG PULUMI_VERSION
ARG PULUMI_AWS_VERSION
ARG PULUMI_RANDOM_VERSION
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL "https://get.pulumi.com/releases/sdk/pulumi-v${PULUMI_VERSION}-linux-x64.tar.gz" -o /tmp/pulumi.tgz \
    && curl -fsSL "https://get.pulumi.com/releases/sdk/pulumi-${PULUMI_VERSION}-checksums.txt" -o /tmp/checksums.txt \
    && (cd /tmp && grep "pulumi-v${PULUMI_VERSION}-linux-x64.tar.gz" checksums.txt | sed 's/pulumi-v.*/pulumi.tgz/' | sha256sum -c -) \
    && tar -xzf /tmp/pulumi.tgz -C /opt \
    && PULUMI_HOME=/opt/pulumi-home /opt/pulumi/pulumi plugin install resource aws ${PULUMI_AWS_VERSION} \
    && PULUMI_HOME=/opt/pulumi-home /opt/pulumi/pulumi plugin install resource random ${PULUMI_RANDOM_VERSION} \
    && cp /opt/pulumi-home/plugins/resource-aws-v${PULUMI_AWS_VERSION}/pulumi-resource-aws /opt/pulumi/ \
    && cp /opt/pulumi-home/plugins/resource-random-v${PULUMI_RANDOM_VERSION}/pulumi-resource-random /opt/pulumi/

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
# PID 1 is tini (the distribution package of the aspnet base image): it forwards SIGTERM to the operator only (no -g:
# the operator interrupts its engine runs itself) and reaps the
# pulumi CLI and provider plugins that an interrupted or killed engine run leaves orphaned, so none linger as zombies.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
# The plugins sit beside the CLI on PATH (ambient plugins), so PULUMI_HOME can live on a writable emptyDir.
COPY --from=pulumi /opt/pulumi /opt/pulumi
COPY --from=build /out /app
# Workstation GC and a hard heap limit for the operator process: engine runs (0.55-1.3 GiB each, ENGINE-COSTS.md)
# share the container's memory limit, so the operator must not size its heap from that limit. The chart sets the
# same variables from its values. A 2 MiB gen0 budget keeps about 8 MiB less committed than the default (cache-sized)
# one at the price of more, very short, gen0 collections. Two malloc arenas instead of glibc's eight per core: the
# runtime's threads otherwise leave freed native memory spread over many arenas (about 18 MiB of RSS at rest with
# 100 environments). The benchmarks run the operator with these variables (BENCHMARKS.md, "Memory of the operator
# as it ships").
ENV PATH="/opt/pulumi:${PATH}" \
    DATAPLATFORM_Engine__CliPath=/opt/pulumi/pulumi \
    DATAPLATFORM_Engine__Environment__PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_GCHeapHardLimit=0x10000000 \
    DOTNET_GCgen0size=0x200000 \
    MALLOC_ARENA_MAX=2
USER 65532:65532
WORKDIR /app
EXPOSE 8080 9443
ENTRYPOINT ["/usr/bin/tini", "--", "dotnet", "DataPlatform.Operator.dll"]
CMD ["run"]
