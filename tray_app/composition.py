"""The one place that builds the core objects and wires them, for the tray and the CLI alike."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .api.auth.keychain import Keychain
from .api.auth.oauth import OAuth
from .api.auth.oauth_tokens import OAuthTokens
from .api.auth.tokens import TokenHolder
from .api.client import AworkClient
from .config import Config
from .core.cache import WorkloadCache
from .core.commands import Commands
from .core.outbox import Outbox, damaged_queue_text
from .core.settings import SettingsFile
from .core.sign_in.account import Account
from .core.sign_in.browser import BrowserSignIn
from .core.state import AppState, Auth, Store
from .core.sync import SyncLoop
from .domain.entities import User
from .platform.timezone import local_zone_name

log = logging.getLogger(__name__)


@dataclass
class Core:
    config: Config
    store: Store
    commands: Commands
    client: AworkClient
    tokens: TokenHolder | OAuthTokens
    keychain: Keychain | None
    sync: SyncLoop | None = None
    account: Account | None = None
    oauth: OAuth | None = None

    async def aclose(self) -> None:
        await self.commands.aclose()
        await self.client.aclose()
        if self.oauth is not None:
            await self.oauth.aclose()

    async def restore_sign_in(self) -> None:
        await self.account.restore()

    async def sign_in(self, **kw) -> User:
        """Sign in with awork in the browser (see Account.sign_in)."""
        return await self.account.sign_in(**kw)

    async def sign_out(self) -> str | None:
        """Revoke and forget the sign-in; returns a problem to show, if any."""
        return await self.account.sign_out()


def build_core(
    config: Config, *, demo: bool = False, transport=None, use_cache: bool = True, offline_queue: bool = False
) -> Core:
    """`offline_queue`: keep actions awork could not get on disk and replay them (the tray does;
    a one-shot CLI command reports the failure instead)."""
    keychain: Keychain | None = None
    oauth: OAuth | None = None
    browser: BrowserSignIn | None = None
    if demo:
        from .demo.backend import FakeAwork
        from .demo.transport import DEMO_BASE_URL, DEMO_TOKEN, DemoTransport
        from .demo.workspace import demo_workspace

        tokens = TokenHolder(DEMO_TOKEN, "demo")
        transport = DemoTransport(FakeAwork(demo_workspace(running=True), token=DEMO_TOKEN))
        api_url = DEMO_BASE_URL
    elif config.api_token:
        tokens = TokenHolder(config.api_token, "AWORK_API_TOKEN")
        api_url = config.api_url
    else:  # the normal case: signed in with awork in the browser (OAuth)
        api_url = config.api_url
        keychain = Keychain()
        oauth = OAuth(api_url, transport=transport)
        tokens = OAuthTokens(oauth, keychain)
        browser = BrowserSignIn(oauth, SettingsFile(config.config_dir))
    client = AworkClient(api_url, tokens, transport=transport)
    store = Store(AppState(demo=demo, auth=Auth.SIGNED_IN if tokens.present else Auth.UNKNOWN, auth_source=tokens.source))
    cache = WorkloadCache(config.cache_dir, api_url) if use_cache else None
    outbox = Outbox(config.config_dir / "outbox.json") if offline_queue and not demo else None
    if outbox is not None and outbox.damaged is not None:
        store.update(file_problems=(*store.state.file_problems, damaged_queue_text(outbox.damaged)))
    commands = Commands(store, client, tokens, cache=cache, zone_name=local_zone_name, outbox=outbox)
    core = Core(config, store, commands, client, tokens, keychain)
    core.account = Account(store, commands.auth, client, tokens, keychain, browser)
    core.oauth = oauth
    core.sync = SyncLoop(commands, totals=True)
    return core
