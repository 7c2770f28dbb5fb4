using IspPortal.Web.Features.Backups.Components;
using IspPortal.Web.Features.Backups.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Backups;

public sealed class BackupsFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation => [];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Cadangan", Icons.Material.Filled.Backup, 90, [typeof(BackupRunsPanel), typeof(BackupSettingsForm)]),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapBackupEndpoints();

    // The archive download is for a signed-in Admin in the browser (the cookie), outside the API group.
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBackupDownload();
}
