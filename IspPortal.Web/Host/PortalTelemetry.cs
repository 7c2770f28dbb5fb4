using IspPortal.Core.Common;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IspPortal.Web.Host;

/// <summary>
/// Traces and metrics (OpenTelemetry: ASP.NET Core, HttpClient, Npgsql and the portal's own
/// <see cref="PortalMetrics"/>), served at <see cref="MetricsAccess.Path"/> for Prometheus and sent
/// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; JSON console logs with trace and
/// span ids when <c>Logging__Format=json</c>; errors to Sentry only when <c>Sentry__Dsn</c> is set
/// (README "Observability").
/// </summary>
public static class PortalTelemetry
{
    public const string ServiceName = "ispportal";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string LogFormatKey = "Logging:Format";
    public const string JsonLogFormat = "json";
    public const string SentryDsnKey = "Sentry:Dsn";

    /// <summary>ASP.NET Core's request histogram as /metrics names it (status code, route and method as labels).</summary>
    public const string HttpServerRequestDuration = "http_server_request_duration_seconds";

    /// <summary>
    /// The metrics the monitoring dashboard may use: the portal's own and ASP.NET Core's. Tests hold the
    /// dashboard (deploy/monitoring) to this list and the list to what /metrics serves.
    /// </summary>
    public static readonly IReadOnlyList<string> DashboardMetrics = [.. PortalMetrics.ExportedNames, HttpServerRequestDuration];

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.AddPortalLogFormat(configuration);
        builder.Services.AddMetricsAccess(configuration);

        var exporting = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                // Requests are always traced, so every log line carries its trace id; outgoing calls
                // and SQL become spans only when they go somewhere.
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !MetricsAccess.IsUninteresting(context));
                if (exporting)
                    tracing.AddHttpClientInstrumentation().AddNpgsql();
            })
            .WithMetrics(metrics => metrics
                .AddMeter(PortalMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (exporting)
            telemetry.UseOtlpExporter();

        if (configuration[SentryDsnKey] is { Length: > 0 } dsn)
        {
            builder.WebHost.UseSentry(options =>
            {
                options.Dsn = dsn;
                // Customers' names, addresses and phone numbers stay out of error reports.
                options.SendDefaultPii = false;
                options.MinimumEventLevel = LogLevel.Error;
            });
        }
        return builder;
    }

    /// <summary>One JSON object per line, with the scopes (trace id, span id, request) when the format is json; the default console otherwise.</summary>
    public static ILoggingBuilder AddPortalLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(configuration[LogFormatKey], JsonLogFormat, StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return logging;
    }
}
