using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Audit;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Components;
using IspPortal.Web.Features.Identity.Components;

namespace IspPortal.Tests.Identity;

public class AdminComponentTests : PortalComponentTest
{
    [Fact]
    public void Ticking_roles_gives_them_in_the_portal_order()
    {
        IReadOnlyList<string> chosen = [];
        var picker = Render<RolePicker>(p => p
            .Add(r => r.Selected, [Roles.Finance])
            .Add(r => r.SelectedChanged, roles => chosen = roles));

        picker.Find($"input[data-testid=role-{Roles.Admin}]").Change(true);

        Assert.Equal([Roles.Admin, Roles.Finance], chosen);
    }

    [Fact]
    public void The_role_error_is_shown_under_the_checkboxes()
    {
        var picker = Render<RolePicker>(p => p.Add(r => r.Error, "Pilih paling sedikit satu peran."));

        Assert.Equal("Pilih paling sedikit satu peran.", picker.Find("[data-testid=roles-error]").TextContent);
    }

    [Fact]
    public void The_changes_table_lists_each_column_before_and_after()
    {
        var table = Render<AuditChangesTable>(p => p.Add(t => t.Changes,
            [new AuditChange("name", "Lama", "Baru"), new AuditChange("city", null, "Karawang")]));

        var cells = table.FindAll("tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal(["name", "Lama", "Baru", "city", "—", "Karawang"], cells);
    }

    [Fact]
    public void A_one_time_secret_warns_and_shows_the_text()
    {
        var secret = Render<OneTimeSecret>(p => p
            .Add(s => s.Secret, "isp_ABCDEFGH")
            .Add(s => s.Label, "Kunci API")
            .Add(s => s.Warning, "Kunci ini tidak akan ditampilkan lagi."));

        Assert.Contains("tidak akan ditampilkan lagi", secret.Find("[data-testid=secret-warning]").TextContent, StringComparison.Ordinal);
        Assert.Equal("isp_ABCDEFGH", secret.Find("input[data-testid=secret]").GetAttribute("value"));
    }
}
