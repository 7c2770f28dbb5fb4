using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// Report files: <c>format=csv|xlsx|pdf</c> on the report API, and <c>GET /reports/{report}/export?format=&amp;from=&amp;to=</c> for the
/// pages' "Unduh" menu, authenticated by the session cookie (a GET reads only, so no antiforgery token). Both run the same handler
/// as the JSON, so the file holds what the statement's use case answered, after its own permission check.
/// </summary>
public static class ReportDownloads
{
    public const string Description = "format=csv (UTF-8 with BOM, formula-like text neutralised with a leading '), xlsx (number and date cells, frozen header) "
        + "or pdf (A4 with the company header) returns the statement as a file (Content-Disposition attachment); absent or json returns JSON; anything else 400.";

    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{report}/export", async (string report, HttpContext context) =>
            {
                if (!ReportEndpoints.Statements.TryGetValue(report, out var statement)
                    && !RevenueEndpoints.Reports.TryGetValue(report, out statement)
                    && !ReceivablesEndpoints.Reports.TryGetValue(report, out statement))
                    return Results.NotFound();
                if (string.IsNullOrWhiteSpace(context.Request.Query["format"]))
                    return Refused(ExportFormats.Invalid);
                return await statement(context);
            })
            // Any signed-in user: each report's use case refuses who may not read it (403), as its API does.
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The page's link to a file of the report: <c>reports/profit-loss/export?format=xlsx&amp;from=…&amp;to=…</c>.</summary>
    public static string UrlFor(string report, ExportFormat format, string query) =>
        $"reports/{report}/export?format={ExportFormats.Extension(format)}" + (string.IsNullOrEmpty(query) ? "" : "&" + query.TrimStart('?'));

    /// <summary>Reads <c>format</c>: absent or json is null (answer JSON); csv, xlsx, pdf a file; anything else, or given twice, a 400.</summary>
    public static bool Format(HttpRequest request, out ExportFormat? format, out IResult problem)
    {
        problem = Results.Empty;
        format = null;
        var values = request.Query["format"];
        if (values.Count > 1 || values.Count == 1 && values[0] is { Length: > 8 })
        {
            problem = Refused(ExportFormats.Invalid);
            return false;
        }
        format = ExportFormats.Parse(values.Count == 1 ? values[0] : null, out var valid);
        if (!valid)
            problem = Refused(ExportFormats.Invalid);
        return valid;
    }

    /// <summary>Streams the table in the format as an attachment named after the report and its days, never cached.</summary>
    public static IResult File(HttpContext context, ReportTable table, ExportFormat format)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var exporter = context.RequestServices.GetRequiredService<ReportExporter>();
        return Results.Stream(output => exporter.WriteAsync(table, format, output, context.RequestAborted),
            ExportFormats.ContentType(format), ReportExporter.FileName(table, format));
    }

    private static IResult Refused(string message) => Outcome.Refused<int>("format", message).ToValidationProblem();
}
