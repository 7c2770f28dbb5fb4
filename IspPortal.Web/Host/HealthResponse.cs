using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IspPortal.Web.Host;

/// <summary><c>GET /health</c>: 200 with each check's status, 503 when the database is down.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = (int)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), durationMs = (int)e.Value.Duration.TotalMilliseconds, error = e.Value.Exception?.GetType().Name }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
