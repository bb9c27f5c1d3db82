-- 个人信息权利请求 at the window (gaps review xlvi AA4 rest; PIPL Art. 50: a convenient way to make a request, also for
-- a person who cannot sign in): a clerk records the request of a person identified as the window identifies them
-- (inquiry.CounterRightsRequests); it then lives as one made online — the same number, deadline and answer. The answer
-- reaches the person in 消息通知 when they have an account; the window sees it to hand over.
--   channel      how the request came: the person in self-service, or a clerk at the window
--   recorded_by  the staff account id of the clerk who recorded it; null for one the person made online
ALTER TABLE account.rights_request
    ADD COLUMN channel text NOT NULL DEFAULT 'SELF_SERVICE'
        CONSTRAINT rights_request_channel_known CHECK (channel IN ('SELF_SERVICE', 'COUNTER')),
    ADD COLUMN recorded_by text,
    ADD CONSTRAINT rights_request_recorded_at_counter CHECK ((channel = 'COUNTER') = (recorded_by IS NOT NULL));
CREATE INDEX rights_request_at_counter ON account.rights_request (requested_at DESC) WHERE channel = 'COUNTER';
