using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;

namespace IspPortal.Web.Features.Customers.Endpoints;

public static class CustomerPhotoEndpoints
{
    public const string Route = "/customers/photos";

    /// <summary>KTP and house photos, for signed-in staff who may see customers; never cached by shared caches.</summary>
    public static IEndpointRouteBuilder MapCustomerPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route + "/{name}", (string name, ICustomerPhotoStore photos, HttpContext context) =>
            {
                if (photos.Open(name) is not { } photo)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = "private, max-age=3600";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Stream(photo.Content, photo.ContentType);
            })
            .RequireAuthorization(Permissions.CustomersRead)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string UrlFor(string name) => $"{Route}/{Uri.EscapeDataString(name)}";
}
