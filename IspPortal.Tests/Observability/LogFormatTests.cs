using System.Diagnostics;
using System.Text.Json;
using IspPortal.Web.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Tests.Observability;

/// <summary>Logging__Format=json: each line one JSON object carrying the current trace and span ids.</summary>
public sealed class LogFormatTests
{
    [Fact]
    public void Json_log_lines_carry_the_trace_and_span_ids()
    {
        var marker = Guid.NewGuid().ToString("N");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PortalTelemetry.LogFormatKey] = PortalTelemetry.JsonLogFormat })
            .Build();
        string traceId, spanId;
        var output = new StringWriter();
        var console = Console.Out;
        // The console logger takes Console.Out when it is created; other tests' loggers keep theirs.
        Console.SetOut(output);
        try
        {
            using var services = new ServiceCollection().AddLogging(logging => logging.AddPortalLogFormat(configuration)).BuildServiceProvider();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("IspPortal.Tests.Observability");
            using (var activity = new Activity("log-format-test").Start())
            {
                (traceId, spanId) = (activity.TraceId.ToHexString(), activity.SpanId.ToHexString());
                logger.LogWarning("Log format test {Marker}", marker);
            }
            // Disposing the provider flushes the console logger's queue.
        }
        finally
        {
            Console.SetOut(console);
        }

        var line = Assert.Single(output.ToString().Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        Assert.Equal(marker, root.GetProperty("State").GetProperty("Marker").GetString());
        var scopes = root.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        Assert.Contains(scopes, scope => scope.TryGetProperty("SpanId", out var id) && id.GetString() == spanId);
    }

    [Fact]
    public void Without_the_setting_the_console_keeps_its_readable_format()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging(logging => logging.AddConsole().AddPortalLogFormat(configuration)).BuildServiceProvider();

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().Value;

        Assert.NotEqual("json", options.FormatterName);
    }
}
