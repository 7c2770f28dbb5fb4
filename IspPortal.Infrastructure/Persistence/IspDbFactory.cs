using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence;

public sealed class IspDbFactory(IDbContextFactory<IspDbContext> contexts) : IIspDbFactory
{
    public async Task<IIspDb> CreateAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
