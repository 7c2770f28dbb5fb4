using IspPortal.Core.Network;

namespace IspPortal.Tests.Network;

public sealed class RouterStateTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_router_is_in_service_until_taken_out()
    {
        var router = new Router("CKP", "Cikampek", 1, "10.0.0.1", Router.DefaultApiPort, "api", "", Created);
        Assert.True(router.IsActive);

        router.SetActive(false);
        Assert.False(router.IsActive);

        router.SetActive(true);
        Assert.True(router.IsActive);
    }

    [Fact]
    public void Saving_the_router_records_the_edit_time_but_not_its_creation()
    {
        var router = new Router("KRW", "Karawang", 1, "10.0.0.2", Router.DefaultApiPort, "api", "", Created);

        router.MarkEdited(Created.AddDays(1));

        Assert.Equal(Created.AddDays(1), router.UpdatedAt);
        Assert.Equal(Created, router.CreatedAt);
    }
}
