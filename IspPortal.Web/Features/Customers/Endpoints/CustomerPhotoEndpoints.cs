using IspPortal.Core.Customers.Photos;

namespace IspPortal.Web.Features.Customers.Endpoints;

public static class CustomerPhotoEndpoints
{
    public const string Route = "/customers/photos";

    /// <summary>
    /// KTP and house photos and transfer proofs, each for staff holding its kind's permission
    /// (<see cref="PhotoAccess"/>); KTP scans never kept by the browser, nothing kept by shared caches.
    /// </summary>
    public static IEndpointRouteBuilder MapCustomerPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route + "/{name}", async (string name, PhotoAccess photos, HttpContext context) =>
            {
                if (await photos.OpenAsync(name, context.RequestAborted) is not { } read)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = read.CacheControl;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return read.Photo is { } photo ? Results.Stream(photo.Content, photo.ContentType) : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Akses ditolak");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string UrlFor(string name) => $"{Route}/{Uri.EscapeDataString(name)}";
}
