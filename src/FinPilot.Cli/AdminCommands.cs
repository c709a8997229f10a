using System.CommandLine;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli;

internal static class AdminCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address, also the sign-in name.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the e-mail address)." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from standard input. Without it a one-time password is printed, which must be changed at first sign-in.",
        };

        var create = new Command("create", "Create a platform administrator. The first administrator of an installation is made this way; there is no default one.")
        {
            email, name, passwordStdin,
        };
        create.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    await Console.Error.WriteLineAsync("No password on standard input.");
                    return 2;
                }
            }

            var address = parse.GetValue(email)!;
            var users = services.GetRequiredService<UserAdministration>().AsSystem();
            var created = await users.CreateAsync(new NewUser(address, parse.GetValue(name) ?? address, password), cancellationToken);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    await Console.Error.WriteLineAsync($"{error.Field}: {FinPilot.Web.Http.ErrorText.Describe(error)}");
                }

                return 1;
            }

            var granted = await users.GrantAsync(created.Value.User.Id, Role.PlatformAdmin, null, null, cancellationToken);
            if (!granted.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join("; ", granted.Errors));
                return 1;
            }

            Console.WriteLine($"Administrator {address} created.");
            if (created.Value.OneTimePassword is { } oneTime)
            {
                Console.WriteLine($"One-time password (must be changed at first sign-in): {oneTime}");
            }

            Console.WriteLine("Two-factor authentication must be set up at first sign-in.");
            return 0;
        }));

        var admin = new Command("admin", "Administrator accounts.");
        admin.Subcommands.Add(create);
        return admin;
    }
}
