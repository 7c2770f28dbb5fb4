namespace IspPortal.Web.Shell.Api;

/// <summary>
/// The raw bytes of a webhook's body, which its signature is computed over: buffered before any JSON
/// parsing, and refused when larger than the sender ever sends.
/// </summary>
public static class SignedRequestBody
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (refused before or while reading).</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.Length > maxBytes ? null : buffer.ToArray();
    }

    public static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload terlalu besar");
}
