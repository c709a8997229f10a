using FinPilot.Cli;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Cli.Tests;

/// <summary>
/// Runs the real command tree against a fresh SQLite file. The CLI reads its database from the
/// environment like the executable does, so these tests share the process environment and run one
/// at a time (one class).
/// </summary>
public sealed partial class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-cli-").FullName;
    private readonly string _connection;

    public CliTests()
    {
        _connection = $"Data Source={Path.Combine(_directory, "cli.db")}";
        Environment.SetEnvironmentVariable("ConnectionStrings__FinPilot", _connection);
        Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("Files__Root", Path.Combine(_directory, "files"));
    }

    [Fact]
    public async Task Db_migrate_applies_every_migration_and_then_has_nothing_to_do()
    {
        var (first, firstOut) = await RunAsync("db", "migrate");
        var (second, secondOut) = await RunAsync("db", "migrate");

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("Foundation", firstOut);
        Assert.Contains("up to date", secondOut);
    }

    [Fact]
    public async Task Admin_create_prints_a_one_time_password_that_must_be_changed()
    {
        var (exit, output) = await RunAsync("admin", "create", "--email", "root@example.cn", "--name", "根管理员");

        Assert.Equal(0, exit);
        var oneTime = output.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.True(oneTime.Length >= 12);
        await using var db = Open();
        var user = await db.Users.SingleAsync(u => u.Email == "root@example.cn");
        Assert.True(user.MustChangePassword);
        Assert.Equal(Role.PlatformAdmin, (await db.RoleAssignments.SingleAsync(a => a.UserId == user.Id)).Role);
    }

    [Fact]
    public async Task Admin_create_takes_the_password_from_standard_input_and_refuses_a_weak_one_or_a_duplicate()
    {
        var (weak, weakOut) = await RunAsync(["admin", "create", "--email", "weak@example.cn", "--password-stdin"], "short\n");
        var (strong, _) = await RunAsync(["admin", "create", "--email", "strong@example.cn", "--password-stdin"], "Str0ng#Password!\n");
        var (duplicate, duplicateOut) = await RunAsync(["admin", "create", "--email", "strong@example.cn"], null);

        Assert.Equal((1, 0, 1), (weak, strong, duplicate));
        Assert.Contains("Password", weakOut);
        Assert.Contains("strong@example.cn", duplicateOut);
        await using var db = Open();
        var user = await db.Users.SingleAsync(u => u.Email == "strong@example.cn");
        Assert.False(user.MustChangePassword);
        Assert.False(await db.Users.AnyAsync(u => u.Email == "weak@example.cn"));
    }

    [Fact]
    public async Task Demo_seed_loads_the_demo_world_once()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed")).Exit);
        Assert.Equal(0, (await RunAsync("demo", "seed")).Exit);

        await using var db = Open();
        Assert.Equal(DemoData.Users.Length, await db.Users.CountAsync());
        Assert.Equal(DemoData.Regions.Length, await db.Regions.CountAsync());
        Assert.Equal(DemoData.Organisations.Length, await db.Organisations.CountAsync());
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Ledger__KeyFile", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => RunAsync(args, null);

    private static async Task<(int Exit, string Output)> RunAsync(string[] args, string? input)
    {
        var output = new StringWriter();
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var originalIn = Console.In;
        Console.SetOut(output);
        Console.SetError(output);
        Console.SetIn(new StringReader(input ?? string.Empty));
        try
        {
            var exit = await CliApp.Create().Parse(args).InvokeAsync();
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Console.SetIn(originalIn);
        }
    }

    private SqliteFinPilotDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite(_connection).Options);
}
