using IspPortal.Web.Features.SelfService.Endpoints;
using IspPortal.Web.Shell;

namespace IspPortal.Web.Features.SelfService;

/// <summary>The customers' own portal (<c>/pelanggan</c>) and its API (<c>/api/portal</c>): no staff menu, no settings tab.</summary>
public sealed class SelfServiceFeature : IPortalFeature
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalApiEndpoints();
        endpoints.MapSelfServicePageEndpoints();
    }
}
