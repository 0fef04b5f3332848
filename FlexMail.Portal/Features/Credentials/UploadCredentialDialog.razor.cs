using FlexMail.Domain.Credentials;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FlexMail.Portal.Features.Credentials;

/// <summary>
/// Uploads a certificate or a private key: the file is read as soon as it is chosen (and again when the password
/// changes) and what it holds is shown before anything is stored. Key material stays on the server; the page
/// shows only what was read from it. Closes with the stored credential's id.
/// </summary>
public sealed partial class UploadCredentialDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    [Inject] private CredentialService Credentials { get; set; } = null!;
    [Inject] private CurrentActor Actor { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public CredentialType Type { get; set; }

    private string _name = "";
    private string? _nameError;
    private string? _keyNameError;
    private string? _fileName;
    private byte[]? _content;
    private string _password = "";
    private Problem? _error;
    private CertificateDetails? _certificate;
    private PrivateKeyDetails? _privateKey;
    private bool _storeKeyToo = true;
    private string _keyName = "";
    private bool _saving;

    private bool IsCertificate => Type == CredentialType.Certificate;

    private string Accept => IsCertificate ? ".pem,.crt,.cer,.der,.pfx,.p12" : ".pem,.key,.p8,.der";

    private string Introduction => (IsCertificate
        ? "Choose the certificate file: PEM (.crt, .pem), DER (.cer) or PKCS#12 (.pfx, .p12). Its public part is what you upload to the app in Entra ID."
        : "Choose the private key file: PEM (PKCS#1, PKCS#8, encrypted PKCS#8) or an OpenSSH private key. " +
          "Signing in to Entra ID needs an RSA key (2048 bits or more); EC P-256/P-384 keys can be stored but not used to sign in.") +
        SizeLimit;

    private static readonly string SizeLimit = $" At most {CredentialUpload.MaxContentBytes / 1024} KiB per file.";

    private string NameHelp => IsCertificate
        ? "How FlexMail lists this credential, e.g. FlexMail Entra certificate 2026."
        : "How FlexMail lists this credential, e.g. FlexMail Entra private key 2026.";

    /// <summary>The stored credential the upload duplicates, when it can be used instead (same type as this dialog's).</summary>
    private CredentialReference? ExistingOfThisType => _error is CredentialError { Existing: { } existing } && existing.Type == Type ? existing : null;

    private string UseExistingText => IsCertificate ? "Use Existing Certificate" : "Use Existing Private Key";

    private string PasswordLabel => IsCertificate ? "Password" : "Passphrase";

    private string PasswordHelp => IsCertificate
        ? "Only for a .pfx/.p12 file protected by a password."
        : "Only for an encrypted key.";

    private bool CanSave => !_saving && _content is not null && _error is null && (_certificate is not null || _privateKey is not null);

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        ClearResult();
        if (file is null)
        {
            return;
        }
        _fileName = file.Name;
        if (string.IsNullOrWhiteSpace(_name))
        {
            _name = Path.GetFileNameWithoutExtension(file.Name);
        }
        if (CredentialUpload.TooLarge(file.Name, file.Size) is { } tooLarge)
        {
            _error = tooLarge;
            return;
        }
        using var buffer = new MemoryStream();
        try
        {
            await file.OpenReadStream(CredentialUpload.MaxContentBytes).CopyToAsync(buffer);
        }
        catch (IOException)
        {
            // The browser announced a smaller size than it sent, or the upload broke off.
            _error = CredentialUpload.TooLarge(file.Name, CredentialUpload.MaxContentBytes + 1L)
                ?? throw new InvalidOperationException("A size above the limit is always refused.");
            _fileName = file.Name;
            return;
        }
        _content = buffer.ToArray();
        Preview();
    }

    private void OnPasswordChanged(string password)
    {
        _password = password ?? "";
        if (_content is not null)
        {
            ClearResult(keepFile: true);
            Preview();
        }
    }

    private void Preview()
    {
        var upload = Upload();
        if (IsCertificate)
        {
            var result = Credentials.PreviewCertificate(upload);
            _certificate = result.Value;
            _error = result.Problem;
            if (_certificate?.ContainsPrivateKey == true && _keyName.Length == 0)
            {
                _keyName = $"{_name} (private key)";
            }
        }
        else
        {
            var result = Credentials.PreviewPrivateKey(upload, Aborted);
            _privateKey = result.Value;
            _error = result.Problem;
        }
    }

    private CredentialUpload Upload() => new(_fileName!, _content!, string.IsNullOrEmpty(_password) ? null : _password);

    private void ClearResult(bool keepFile = false)
    {
        _error = null;
        _certificate = null;
        _privateKey = null;
        if (!keepFile)
        {
            _content = null;
            _fileName = null;
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>Closes with the stored credential the upload duplicates, as if it had just been stored.</summary>
    private void UseExisting(CredentialReference existing) => Dialog.Close(DialogResult.Ok(new StoredCredential(existing.Id, null)));

    private async Task SaveAsync()
    {
        _saving = true;
        _nameError = null;
        _keyNameError = null;
        try
        {
            if (IsCertificate)
            {
                var request = new AddCertificateRequest(_name, Upload())
                {
                    PrivateKeyName = _certificate?.ContainsPrivateKey == true && _storeKeyToo ? _keyName : null,
                };
                var result = await Credentials.AddCertificateAsync(request, await Actor.GetAsync(), Aborted);
                if (result.Succeeded)
                {
                    AnnounceCertificate(result.Value);
                    Dialog.Close(DialogResult.Ok(new StoredCredential(result.Value.Certificate.Id, result.Value.PrivateKey?.Id)));
                    return;
                }
                ShowRefusal(result.Problem);
            }
            else
            {
                var result = await Credentials.AddPrivateKeyAsync(new AddPrivateKeyRequest(_name, Upload()), await Actor.GetAsync(), Aborted);
                if (result.Succeeded)
                {
                    Announce($"{result.Value.PrivateKey.Name} stored. {StoredKeyIsSealed}", result.Value.Notices);
                    Dialog.Close(DialogResult.Ok(new StoredCredential(result.Value.PrivateKey.Id, null)));
                    return;
                }
                ShowRefusal(result.Problem);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private const string StoredKeyIsSealed = "The private key is kept encrypted and can never be viewed or downloaded again.";

    private void AnnounceCertificate(AddCertificateResult added)
    {
        var stored = $"{added.Certificate.Name} stored. Download its public certificate from the Credentials page to upload it to the app registration in Entra ID.";
        if (added.PrivateKey is { } key)
        {
            stored += $" Its private key is stored as {key.Name}, kept encrypted: it can never be viewed or downloaded again.";
        }
        Announce(stored, added.Notices);
    }

    private void Announce(string stored, IReadOnlyList<string> notices)
    {
        Snackbar.Add(stored, Severity.Success);
        foreach (var notice in notices)
        {
            Snackbar.Add(notice, Severity.Warning);
        }
    }

    private void ShowRefusal(Problem error)
    {
        if (error.Field == CredentialError.NameField)
        {
            _nameError = error.Cause;
        }
        else if (error.Field == CredentialError.PrivateKeyNameField)
        {
            _keyNameError = error.Cause;
        }
        else
        {
            _error = error;
        }
    }
}
