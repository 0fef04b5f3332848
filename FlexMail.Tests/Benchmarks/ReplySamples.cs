namespace FlexMail.Benchmarks;

/// <summary>Realistic replies to a FlexMail approval mail, as Outlook and Gmail write them.</summary>
internal static class ReplySamples
{
    public const string OutlookText = """
        Approved - go ahead after 18:00 CET.

        Please keep the rollback ready.

        Thanks,
        Anna

        Anna Smith
        Release Manager | Contoso Ltd.
        +49 30 1234567

        -----Original Message-----
        From: FlexMail <approvals@contoso.com>
        Sent: Tuesday, December 1, 2026 10:00 AM
        To: Anna Smith <anna.smith@contoso.com>
        Subject: [FlexMail] Approval required: Deploy FlexDeploy 8.0.4 to Production [FM-7KQ2-3M9X4T8RZP1V6WQH]

        Build Bot asks for your approval: Deploy FlexDeploy 8.0.4 to Production

        We deploy the payment service release 8.0.4 with the new retry policy and the database index on orders.
        Rollback plan: redeploy 8.0.3 from the pipeline.

        Environment: Production
        Pipeline: payments-release
        Build: 2026.12.01.7
        Change: CHG0041234

        Expires: 2026-12-04 17:00 UTC

        Reply with Approve or Reject on the first line; a comment may follow.

        Approve: mailto:approvals@contoso.com?subject=Re%3A%20%5BFlexMail%5D%20Approval%20required&body=Approve
        Reject: mailto:approvals@contoso.com?subject=Re%3A%20%5BFlexMail%5D%20Approval%20required&body=Reject


        ---- Please do not modify below this line ----
        Reference: FM-7KQ2-3M9X4T8RZP1V6WQH
        """;

    public const string GmailText = """
        Hi,

        Reject, the change window is closed until Monday.
        Please resubmit then.

        Best regards,
        Max

        On Tue, Dec 1, 2026 at 10:00 AM FlexMail <approvals@contoso.com> wrote:

        > Build Bot asks for your approval: Deploy FlexDeploy 8.0.4 to Production
        >
        > We deploy the payment service release 8.0.4 with the new retry policy and the database index on orders.
        > Rollback plan: redeploy 8.0.3 from the pipeline.
        >
        > Environment: Production
        > Pipeline: payments-release
        > Build: 2026.12.01.7
        > Change: CHG0041234
        >
        > Expires: 2026-12-04 17:00 UTC
        >
        > Reply with Approve or Reject on the first line; a comment may follow.
        >
        > Approve: mailto:approvals@contoso.com?subject=Re%3A%20%5BFlexMail%5D%20Approval%20required&body=Approve
        > Reject: mailto:approvals@contoso.com?subject=Re%3A%20%5BFlexMail%5D%20Approval%20required&body=Reject
        >
        >
        > ---- Please do not modify below this line ----
        > Reference: FM-7KQ2-3M9X4T8RZP1V6WQH
        """;

    public const string OutlookHtml = """
        <html><head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
        </head>
        <body dir="ltr">
        <div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
        Approved</div>
        <div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
        <br></div>
        <div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
        Go ahead after 18:00 CET, keep the rollback ready.</div>
        <div id="Signature"><div style="font-family: Calibri; font-size: 11pt">Anna Smith<br>Release Manager | Contoso Ltd.<br>+49 30 1234567</div></div>
        <div id="appendonsend"></div>
        <hr style="display:inline-block;width:98%" tabindex="-1">
        <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> FlexMail &lt;approvals@contoso.com&gt;<br>
        <b>Sent:</b> Tuesday, December 1, 2026 10:00 AM<br>
        <b>To:</b> Anna Smith &lt;anna.smith@contoso.com&gt;<br>
        <b>Subject:</b> [FlexMail] Approval required: Deploy FlexDeploy 8.0.4 to Production [FM-7KQ2-3M9X4T8RZP1V6WQH]</font>
        <div>&nbsp;</div>
        </div>
        <div><p>Build Bot asks for your approval:</p><h2 style="font-size:18px">Deploy FlexDeploy 8.0.4 to Production</h2>
        <p>We deploy the payment service release 8.0.4 with the new retry policy and the database index on orders.<br>Rollback plan: redeploy 8.0.3 from the pipeline.</p>
        <table style="border-collapse:collapse"><tr><td style="padding:2px 8px">Environment</td><td>Production</td></tr><tr><td style="padding:2px 8px">Pipeline</td><td>payments-release</td></tr><tr><td style="padding:2px 8px">Build</td><td>2026.12.01.7</td></tr><tr><td style="padding:2px 8px">Change</td><td>CHG0041234</td></tr></table>
        <p>Expires: 2026-12-04 17:00 UTC</p><p>Reply with Approve or Reject on the first line; a comment may follow.</p>
        <p><a href="mailto:approvals@contoso.com?subject=Re&body=Approve" style="display:inline-block;padding:8px 16px;background:#107c10;color:#fff">Approve</a> <a href="mailto:approvals@contoso.com?subject=Re&body=Reject" style="display:inline-block;padding:8px 16px;background:#a4262c;color:#fff">Reject</a></p>
        <p style="color:#605e5c;font-size:12px">The buttons open a reply in your mail program; send it to record your decision.</p>
        <p style="color:#605e5c;font-size:12px">---- Please do not modify below this line ----<br>Reference: FM-7KQ2-3M9X4T8RZP1V6WQH</p></div>
        </body></html>
        """;

    public const string GmailHtml = """
        <div dir="ltr"><div>Reject, the change window is closed until Monday.</div><div>Please resubmit then.</div><div><br></div><div>Best regards,</div><div>Max</div><div><br clear="all"></div><div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">Max Mustermann<br>Operations | Contoso GmbH</div></div></div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Tue, Dec 1, 2026 at 10:00 AM FlexMail &lt;<a href="mailto:approvals@contoso.com">approvals@contoso.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div><p>Build Bot asks for your approval:</p><h2 style="font-size:18px">Deploy FlexDeploy 8.0.4 to Production</h2>
        <p>We deploy the payment service release 8.0.4 with the new retry policy and the database index on orders.<br>Rollback plan: redeploy 8.0.3 from the pipeline.</p>
        <table style="border-collapse:collapse"><tr><td style="padding:2px 8px">Environment</td><td>Production</td></tr><tr><td style="padding:2px 8px">Pipeline</td><td>payments-release</td></tr><tr><td style="padding:2px 8px">Build</td><td>2026.12.01.7</td></tr><tr><td style="padding:2px 8px">Change</td><td>CHG0041234</td></tr></table>
        <p>Expires: 2026-12-04 17:00 UTC</p><p>Reply with Approve or Reject on the first line; a comment may follow.</p>
        <p><a href="mailto:approvals@contoso.com?subject=Re&body=Approve" style="display:inline-block;padding:8px 16px;background:#107c10;color:#fff">Approve</a> <a href="mailto:approvals@contoso.com?subject=Re&body=Reject" style="display:inline-block;padding:8px 16px;background:#a4262c;color:#fff">Reject</a></p>
        <p style="color:#605e5c;font-size:12px">The buttons open a reply in your mail program; send it to record your decision.</p>
        <p style="color:#605e5c;font-size:12px">---- Please do not modify below this line ----<br>Reference: FM-7KQ2-3M9X4T8RZP1V6WQH</p></div></blockquote></div>
        """;
}
