-- The tables the monolith's mapper XMLs name: payments (PaymentMapper, base) and orders (OrderMapper, module).
create table orders (id bigint primary key, user_id bigint, total bigint);
create table payments (order_id bigint);
