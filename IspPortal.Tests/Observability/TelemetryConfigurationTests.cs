using System.Net;
using IspPortal.Tests.Support;
using IspPortal.Web.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Tests.Observability;

/// <summary>The portal with an OTLP collector and a Sentry DSN named (neither listening: nothing waits on them).</summary>
public sealed class ExportingPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(PortalTelemetry.OtlpEndpointKey, "http://127.0.0.1:9");
        builder.UseSetting(PortalTelemetry.SentryDsnKey, "https://0123456789abcdef0123456789abcdef@sentry.invalid/1");
    }
}

public sealed class TelemetryConfigurationTests(ExportingPortalFactory exporting) : IClassFixture<ExportingPortalFactory>
{
    [Fact]
    public async Task With_a_collector_and_a_dsn_the_portal_serves_and_registers_both()
    {
        using var client = new HttpClient { BaseAddress = exporting.BaseAddress };

        using var health = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotNull(exporting.Services.GetService<Sentry.IHub>());
        // UseOtlpExporter sends logs too, through OpenTelemetry's logger provider.
        Assert.Contains(exporting.Services.GetServices<ILoggerProvider>(), provider => provider.GetType().Name == "OpenTelemetryLoggerProvider");
    }
}

public sealed class TelemetryOffByDefaultTests(MetricsTokenPortalFactory portal) : IClassFixture<MetricsTokenPortalFactory>
{
    [Fact]
    public void Without_a_dsn_or_a_collector_neither_is_loaded()
    {
        Assert.Null(portal.Services.GetService<Sentry.IHub>());
        Assert.DoesNotContain(portal.Services.GetServices<ILoggerProvider>(), provider => provider.GetType().Name == "OpenTelemetryLoggerProvider");
    }
}
