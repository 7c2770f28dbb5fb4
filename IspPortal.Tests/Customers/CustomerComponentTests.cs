using Bunit;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Network;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Customers.Components;
using IspPortal.Web.Features.Network.Components;

namespace IspPortal.Tests.Customers;

public class CustomerComponentTests : PortalComponentTest
{
    [Theory]
    [InlineData(ConnectionState.Online, "connection-online", "Online")]
    [InlineData(ConnectionState.Offline, "connection-offline", "Offline")]
    [InlineData(ConnectionState.Disabled, "connection-disabled", "Dinonaktifkan")]
    [InlineData(ConnectionState.Unknown, "connection-unknown", "Belum diketahui")]
    public void The_connection_dot_uses_the_maps_colours(ConnectionState state, string cssClass, string label)
    {
        var dot = Render<ConnectionDot>(p => p.Add(d => d.State, state).Add(d => d.ShowLabel, true));

        Assert.Contains(cssClass, dot.Find(".connection-dot").ClassList);
        Assert.Contains(label, dot.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CustomerStatus.PendingProvisioning, "Menunggu provisioning")]
    [InlineData(CustomerStatus.Isolated, "Terisolir")]
    [InlineData(CustomerStatus.Terminated, "Berhenti")]
    public void The_status_chip_names_the_status(CustomerStatus status, string label)
    {
        var chip = Render<CustomerStatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(label, chip.Find("[data-status]").TextContent.Trim());
    }

    [Theory]
    [InlineData(NetworkAlertKind.RouterUnreachable, "Router tidak terjangkau")]
    [InlineData(NetworkAlertKind.MassOutage, "Gangguan massal")]
    public void The_alert_chip_names_the_kind(NetworkAlertKind kind, string label)
    {
        Assert.Contains(label, Render<AlertKindChip>(p => p.Add(c => c.Kind, kind)).Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_shows_the_number_as_it_will_be_stored_and_the_proposed_router_with_its_backups()
    {
        var choices = new CustomerChoices([new LocationChoice(1, "KCB", "Karawang")], [], [], [], [new TechnicianChoice(Guid.Empty, "Budi Santoso")]);
        var model = new RegistrationModel
        {
            FullName = "Siti", Nik = "3201 0145 0190 0001", Phone = "0812-3456-7890", Address = "Jl. A", City = "Karawang",
            LocationCodeId = 1, TechnicianId = Guid.Empty, Latitude = -6.41, Longitude = 107.45,
        };
        var proposal = new ServiceProposal(3, "CKP", "Cikampek", RouterHealth.Up, null, null, "Rumahan 20 Mbps", 200_000m, 1);

        var review = Render<RegistrationReview>(p => p.Add(r => r.Model, model).Add(r => r.Choices, choices).Add(r => r.Proposal, proposal));

        Assert.Contains("+62 812-3456-7890", review.Markup, StringComparison.Ordinal);
        Assert.Contains("3201014501900001", review.Markup, StringComparison.Ordinal);
        Assert.Contains("CKP (+1 router cadangan)", review.Find("[data-testid=review-router]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", review.Markup, StringComparison.Ordinal);
    }
}
