using System.Text.Json;
using IspPortal.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace IspPortal.Web.Shell.Api;

/// <summary>
/// Bad input is the client's mistake, never a server error: text breaking the <see cref="SafeText"/>
/// rule and requests the endpoint cannot bind (malformed or too deeply nested JSON, a wrong type, a
/// number beyond range) answer 400 validation problems naming the field.
/// </summary>
public static class HostileInputProblems
{
    /// <summary>Deeper JSON than any request of the portal needs is refused before it costs stack or time.</summary>
    public const int MaxJsonDepth = 32;

    public const string Title = "Permintaan tidak valid";

    public static IServiceCollection AddHostileInputProblems(this IServiceCollection services)
    {
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Throw in every environment, so a refused binding answers the same named problem in Production.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.MaxDepth = MaxJsonDepth);
        return services;
    }

    public static Task WriteAsync(HttpContext context, string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Title, detail: message).ExecuteAsync(context);

    /// <summary>A JSON path (<c>$.items[2].name</c>) as the field name the client sent (<c>items[2].name</c>); the body itself is "request".</summary>
    public static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" or "" ? "request" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private sealed class BadRequestExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
                return false;
            httpContext.Response.StatusCode = bad.StatusCode;
            if (bad.StatusCode != StatusCodes.Status400BadRequest)
            {
                await TypedResults.Problem(statusCode: bad.StatusCode, title: Title).ExecuteAsync(httpContext);
                return true;
            }
            var (field, message) = bad.InnerException switch
            {
                JsonException json => (FieldOf(json.Path), json.Path is null or "$" or ""
                    ? "Isi permintaan bukan JSON yang valid atau terlalu dalam bersarang."
                    : "Nilai tidak valid untuk field ini (tipe salah, di luar jangkauan atau teks yang tidak diizinkan)."),
                _ => ("request", bad.Message),
            };
            await WriteAsync(httpContext, field, message);
            return true;
        }
    }
}
