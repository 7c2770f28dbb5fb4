using IspPortal.Core.Customers.Installations;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Customers.Service;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<LocationCodeList>();
        services.AddScoped<SaveLocationCode>();
        services.AddScoped<DeleteLocationCode>();

        services.AddScoped<CustomerList>();
        services.AddScoped<CustomerChoiceList>();
        services.AddScoped<CustomerDetails>();
        services.AddScoped<PhotoAccess>();
        services.AddScoped<RegisterCustomer>();
        services.AddScoped<ProvisionCustomer>();
        services.AddScoped<KickCustomer>();
        services.AddScoped<ResetPppoePassword>();
        services.AddScoped<ChangeCustomerPackage>();
        services.AddScoped<TerminateCustomer>();
        services.AddScoped<UpdateCustomerProfile>();
        services.AddScoped<InstallationList>();
        services.AddScoped<CompleteInstallation>();
        services.AddScoped<AssignInstallation>();
        services.AddScoped<InstallationNotices>();
        return services;
    }
}
