using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Layout;

namespace IspPortal.Tests.Platform.Shell;

public class NavMenuTests : PortalComponentTest
{
    // The unread badge reads the database and the chat bus; the menu's own rules are what is tested here.
    public NavMenuTests() => ComponentFactories.AddStub<IspPortal.Web.Features.Tickets.Components.ChatUnreadBadge>();

    [Fact]
    public void A_technician_sees_the_dashboard_but_not_the_users_page()
    {
        SignInAs("technician", Roles.Technician);

        var menu = Render<NavMenu>();

        Assert.NotEmpty(menu.FindAll("a[href='/dashboard']"));
        Assert.NotEmpty(menu.FindAll("a[href='/tickets']"));
        Assert.Empty(menu.FindAll("a[href='/settings/users']"));
        Assert.DoesNotContain("Pengguna", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_sees_the_users_page()
    {
        SignInAs("admin", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.NotEmpty(menu.FindAll("a[href='/settings/users']"));
        Assert.Contains("Pengguna", menu.Markup, StringComparison.Ordinal);
    }
}
