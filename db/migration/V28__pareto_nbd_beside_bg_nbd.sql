-- Each shop is forecast with the model of visits that forecast its own held-out half-year better: BG/NBD
-- (which never lets a one-visit customer go) or Pareto/NBD (whose one-visit customers fade with time away).
-- r and α are both models' purchase rate; a, b are BG/NBD's dropout, s, β Pareto/NBD's.
alter table forecast_fit add column model text check (model in ('BG_NBD', 'PARETO_NBD'));
alter table forecast_fit add column s double precision;
alter table forecast_fit add column beta double precision;
-- why the model is the one it is: each model's error on the hold-out (visits per customer, null where that
-- model could not be fitted to the visits before it), or why no hold-out check could be made
alter table forecast_fit add column bg_nbd_holdout_error double precision;
alter table forecast_fit add column pareto_nbd_holdout_error double precision;
alter table forecast_fit add column holdout_reason text check (holdout_reason in ('TOO_FEW_CUSTOMERS',
    'TOO_FEW_REPEAT_CUSTOMERS', 'NOT_CONVERGED', 'AT_BOUND', 'SPEND_NOT_FITTED'));
update forecast_fit set model = 'BG_NBD' where r is not null;
