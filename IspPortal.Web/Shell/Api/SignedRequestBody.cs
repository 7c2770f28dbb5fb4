using Microsoft.AspNetCore.Http.Features;

namespace IspPortal.Web.Shell.Api;

/// <summary>
/// The raw bytes of a webhook's body, which its signature is computed over: buffered before any JSON
/// parsing, and refused when larger than the sender ever sends.
/// </summary>
public static class SignedRequestBody
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>: refused by its
    /// Content-Length before reading, or, when chunked, as soon as it grows past the limit.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            return null;
        // The server stops reading at the limit too (a client that keeps sending is cut off).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = maxBytes + 1L;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                    return null;
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    public static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload terlalu besar");
}
