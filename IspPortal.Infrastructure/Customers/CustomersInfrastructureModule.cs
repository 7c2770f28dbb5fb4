using IspPortal.Core.Customers.Photos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Customers;

public static class CustomersInfrastructureModule
{
    public static IServiceCollection AddCustomersInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICustomerPhotoStore>(sp => new FileCustomerPhotoStore(
            configuration.StorageFolder(FileCustomerPhotoStore.FolderKey, "photos"), sp.GetRequiredService<ILogger<FileCustomerPhotoStore>>()));
        return services;
    }
}
