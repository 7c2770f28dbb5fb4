using IspPortal.Core.Customers;

namespace IspPortal.Tests.Customers;

public sealed class CustomerEntityTests
{
    private static readonly DateTimeOffset Registered = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_customer_placed_by_a_pool_keeps_router_and_pool_and_the_installation_its_day_and_technician()
    {
        var customer = new Customer("KCB-CKP021126-001", "Budi", "+6281234567890", 1, 1, Registered);
        var technician = Guid.NewGuid();

        customer.AssignRouter(7, 3);
        customer.ScheduleInstallation(new DateOnly(2026, 11, 4), technician);

        Assert.Equal(7, customer.RouterId);
        Assert.Equal(3, customer.RouterPoolId);
        Assert.Equal(new DateOnly(2026, 11, 4), customer.InstallationDate);
        Assert.Equal(technician, customer.TechnicianId);
    }

    [Fact]
    public void Changing_the_package_records_when_the_customer_was_changed()
    {
        var customer = new Customer("KCB-CKP021126-002", "Sri", "+6281234567891", 1, 1, Registered);

        customer.ChangePackage(2, Registered.AddDays(10));

        Assert.Equal(2, customer.ServicePackageId);
        Assert.Equal(Registered.AddDays(10), customer.UpdatedAt);
    }

    [Fact]
    public void An_edited_profile_carries_the_time_of_the_edit()
    {
        var customer = new Customer("KCB-CKP021126-003", "Ani", "+6281234567892", 1, 1, Registered);

        customer.MarkEdited(Registered.AddHours(5));

        Assert.Equal(Registered.AddHours(5), customer.UpdatedAt);
        Assert.Equal(Registered, customer.CreatedAt);
    }
}
