// Inbound email from a mail gateway:
//   POST /api/inbound/email  {from, to, subject, body, messageid, inreplyto?}
// authenticated by the gateway token (header X-CaseHub-Inbound-Token, the value of
// CASEHUB_INBOUND_TOKEN) or an administrator's session (Authorization: Bearer). It is
// applied as the server-side mutation email.receive (record_creation_rules.hpp), so it
// lands in the change log and every client pulls the email, contact and case it made.
// Answers 201 {status:"accepted", seq, email_id, case_id?, ticketnumber?}; a message id
// posted again answers the first outcome with 200; bad input a 4xx JSON error.
#pragma once
#include <string>

#include <httplib.h>

#include "server/services/auth_service.hpp"
#include "server/http/auth_routes.hpp"
#include "server/services/rate_limiter.hpp"
#include "server/services/sync_service.hpp"

namespace casehub::server {

struct InboundEmailOptions {
    std::string token;                       // empty: only administrator sessions may post
    std::string gateway_username = "admin";  // the user the gateway's mail is applied as
};

// CASEHUB_INBOUND_TOKEN and CASEHUB_INBOUND_USER (default "admin") from the environment.
InboundEmailOptions inbound_email_options_from_env();

// Bodies are parsed under `json` (core/base/json_limits.hpp); with `limiter`, posts are
// rate limited per client address before the token is even checked (429 + Retry-After).
void install_inbound_email_routes(httplib::Server& server, SyncService& sync, AuthService& auth, UserDirectory users,
                                  InboundEmailOptions options, JsonLimits json = {}, RateLimiter* limiter = nullptr);

}  // namespace casehub::server
