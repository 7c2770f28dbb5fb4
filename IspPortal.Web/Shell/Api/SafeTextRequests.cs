using IspPortal.Core.Common;

namespace IspPortal.Web.Shell.Api;

/// <summary>
/// Query strings and route values of every request, and the form fields of <c>/api</c> form posts,
/// follow the <see cref="SafeText"/> rule (single-line unless the name is a multi-line field): a
/// 400 validation problem naming the parameter, before any handler or page sees the value. Page
/// forms are checked by their components (<see cref="Components.SafeTextAttribute"/>, the Core use cases).
/// </summary>
public static class SafeTextRequests
{
    public static IApplicationBuilder UseSafeTextRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await FirstRefusedAsync(context) is { } field)
        {
            await HostileInputProblems.WriteAsync(context, field, SafeText.RefusedMessage);
            return;
        }
        await next(context);
    });

    private static async Task<string?> FirstRefusedAsync(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
            if (Refused(name, values) is { } field)
                return field;
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string text && !SafeText.IsAcceptable(text, multiLine: false))
                return name;
        if (!context.Request.Path.StartsWithSegments("/api") || !context.Request.HasFormContentType)
            return null;
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return "request";
        }
        foreach (var (name, values) in form)
            if (Refused(name, values) is { } field)
                return field;
        foreach (var file in form.Files)
            if (!SafeText.IsAcceptable(file.FileName, multiLine: false) || !SafeText.IsAcceptable(file.Name, multiLine: false))
                return string.IsNullOrEmpty(file.Name) || !SafeText.IsAcceptable(file.Name, multiLine: false) ? "file" : file.Name;
        return null;
    }

    private static string? Refused(string name, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (!SafeText.IsAcceptable(name, multiLine: false))
            return "request";
        var multiLine = SafeText.IsMultiLineField(name);
        foreach (var value in values)
            if (!SafeText.IsAcceptable(value, multiLine))
                return name;
        return null;
    }
}
