-- One more day of events (1,250, the seeded density), written between the two nights.
SELECT public.seed_events(1000000, 1001249, now() - interval '1 day', interval '1 day' / 1250);
