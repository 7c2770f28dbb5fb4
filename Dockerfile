# syntax=docker/dockerfile:1
# Production image of the portal: docker compose up -d (see docker-compose.yml and .env.example).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package reference changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY IspPortal.Core/IspPortal.Core.csproj IspPortal.Core/
COPY IspPortal.Infrastructure/IspPortal.Infrastructure.csproj IspPortal.Infrastructure/
COPY IspPortal.Web/IspPortal.Web.csproj IspPortal.Web/
RUN dotnet restore IspPortal.Web/IspPortal.Web.csproj
COPY IspPortal.Core/ IspPortal.Core/
COPY IspPortal.Infrastructure/ IspPortal.Infrastructure/
COPY IspPortal.Web/ IspPortal.Web/
RUN dotnet publish IspPortal.Web/IspPortal.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the health check: it probes the real HTTP stack and /health (which checks the
# database), costing ~1 MB, where a second dotnet process per probe would cost a runtime start.
# fonts-dejavu-core: the fonts invoice and receipt PDFs are set in (PdfSharpBillingDocumentRenderer).
# postgresql-client: pg_dump and pg_restore for backups; the distribution's client (15 or newer)
# dumps and restores the PostgreSQL 15 server of docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The backups folder exists in the image so its volume starts owned by app.
RUN mkdir -p /var/lib/ispportal/backups && chown -R app:app /var/lib/ispportal
ENV ASPNETCORE_URLS=http://+:8080 \
    ISPPORTAL_DATA=/var/lib/ispportal \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME /var/lib/ispportal
EXPOSE 8080
# "app" (uid 1654) is the unprivileged user the .NET images provide.
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "IspPortal.Web.dll"]
