using IspPortal.Core.Identity;
using IspPortal.Web.Features.Customers.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using MudBlazor;

namespace IspPortal.Web.Features.Customers;

public sealed class CustomersFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Customers, "Daftar pelanggan", "/customers", Icons.Material.Filled.People, Permissions.CustomersRead, 10),
        new(NavSections.Customers, "Pelanggan baru", "/customers/new", Icons.Material.Filled.PersonAdd, Permissions.CustomersWrite, 20),
        new(NavSections.Customers, "Instalasi", "/customers/installations", Icons.Material.Filled.Construction, Permissions.InstallationsWork, 30),
        new(NavSections.Settings, "Kode lokasi", "/settings/locations", Icons.Material.Filled.Place, Permissions.ReferenceDataRead, 10),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapCustomerEndpoints();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCustomerPhotos();
}
