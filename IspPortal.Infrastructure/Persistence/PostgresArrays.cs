using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>Array parameters for set-based statements (<c>unnest(@a, @b, …)</c>): one round trip for thousands of rows.</summary>
public static class PostgresArrays
{
    public static NpgsqlParameter Parameter<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
